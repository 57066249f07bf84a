[[bcsc::async]] bcsc::task<int> huge(int x) {
  int acc = 0;
  int v0 = co_await bcsc::tick(0);
  acc += v0 * 1;
  if (acc > 2) acc -= co_await bcsc::tick(v0);
  for (int j3 = 0; j3 < 2; ++j3) acc += j3;
  { int w4 = acc; acc = w4 + co_await bcsc::tick(4); }
  int v5 = co_await bcsc::tick(5);
  acc += v5 * 6;
  if (acc > 7) acc -= co_await bcsc::tick(v5);
  for (int j8 = 0; j8 < 2; ++j8) acc += j8;
  { int w9 = acc; acc = w9 + co_await bcsc::tick(9); }
  int v10 = co_await bcsc::tick(10);
  acc += v10 * 11;
  if (acc > 12) acc -= co_await bcsc::tick(v10);
  for (int j13 = 0; j13 < 2; ++j13) acc += j13;
  { int w14 = acc; acc = w14 + co_await bcsc::tick(14); }
  int v15 = co_await bcsc::tick(15);
  acc += v15 * 16;
  if (acc > 17) acc -= co_await bcsc::tick(v15);
  for (int j18 = 0; j18 < 2; ++j18) acc += j18;
  { int w19 = acc; acc = w19 + co_await bcsc::tick(19); }
  int v20 = co_await bcsc::tick(20);
  acc += v20 * 21;
  if (acc > 22) acc -= co_await bcsc::tick(v20);
  for (int j23 = 0; j23 < 2; ++j23) acc += j23;
  { int w24 = acc; acc = w24 + co_await bcsc::tick(24); }
  int v25 = co_await bcsc::tick(25);
  acc += v25 * 26;
  if (acc > 27) acc -= co_await bcsc::tick(v25);
  for (int j28 = 0; j28 < 2; ++j28) acc += j28;
  { int w29 = acc; acc = w29 + co_await bcsc::tick(29); }
  int v30 = co_await bcsc::tick(30);
  acc += v30 * 31;
  if (acc > 32) acc -= co_await bcsc::tick(v30);
  for (int j33 = 0; j33 < 2; ++j33) acc += j33;
  { int w34 = acc; acc = w34 + co_await bcsc::tick(34); }
  int v35 = co_await bcsc::tick(35);
  acc += v35 * 36;
  if (acc > 37) acc -= co_await bcsc::tick(v35);
  for (int j38 = 0; j38 < 2; ++j38) acc += j38;
  { int w39 = acc; acc = w39 + co_await bcsc::tick(39); }
  int v40 = co_await bcsc::tick(40);
  acc += v40 * 41;
  if (acc > 42) acc -= co_await bcsc::tick(v40);
  for (int j43 = 0; j43 < 2; ++j43) acc += j43;
  { int w44 = acc; acc = w44 + co_await bcsc::tick(44); }
  int v45 = co_await bcsc::tick(45);
  acc += v45 * 46;
  if (acc > 47) acc -= co_await bcsc::tick(v45);
  for (int j48 = 0; j48 < 2; ++j48) acc += j48;
  { int w49 = acc; acc = w49 + co_await bcsc::tick(49); }
  int v50 = co_await bcsc::tick(50);
  acc += v50 * 51;
  if (acc > 52) acc -= co_await bcsc::tick(v50);
  for (int j53 = 0; j53 < 2; ++j53) acc += j53;
  { int w54 = acc; acc = w54 + co_await bcsc::tick(54); }
  int v55 = co_await bcsc::tick(55);
  acc += v55 * 56;
  if (acc > 57) acc -= co_await bcsc::tick(v55);
  for (int j58 = 0; j58 < 2; ++j58) acc += j58;
  { int w59 = acc; acc = w59 + co_await bcsc::tick(59); }
  int v60 = co_await bcsc::tick(60);
  acc += v60 * 61;
  if (acc > 62) acc -= co_await bcsc::tick(v60);
  for (int j63 = 0; j63 < 2; ++j63) acc += j63;
  { int w64 = acc; acc = w64 + co_await bcsc::tick(64); }
  int v65 = co_await bcsc::tick(65);
  acc += v65 * 66;
  if (acc > 67) acc -= co_await bcsc::tick(v65);
  for (int j68 = 0; j68 < 2; ++j68) acc += j68;
  { int w69 = acc; acc = w69 + co_await bcsc::tick(69); }
  int v70 = co_await bcsc::tick(70);
  acc += v70 * 71;
  if (acc > 72) acc -= co_await bcsc::tick(v70);
  for (int j73 = 0; j73 < 2; ++j73) acc += j73;
  { int w74 = acc; acc = w74 + co_await bcsc::tick(74); }
  int v75 = co_await bcsc::tick(75);
  acc += v75 * 76;
  if (acc > 77) acc -= co_await bcsc::tick(v75);
  for (int j78 = 0; j78 < 2; ++j78) acc += j78;
  { int w79 = acc; acc = w79 + co_await bcsc::tick(79); }
  int v80 = co_await bcsc::tick(80);
  acc += v80 * 81;
  if (acc > 82) acc -= co_await bcsc::tick(v80);
  for (int j83 = 0; j83 < 2; ++j83) acc += j83;
  { int w84 = acc; acc = w84 + co_await bcsc::tick(84); }
  int v85 = co_await bcsc::tick(85);
  acc += v85 * 86;
  if (acc > 87) acc -= co_await bcsc::tick(v85);
  for (int j88 = 0; j88 < 2; ++j88) acc += j88;
  { int w89 = acc; acc = w89 + co_await bcsc::tick(89); }
  int v90 = co_await bcsc::tick(90);
  acc += v90 * 91;
  if (acc > 92) acc -= co_await bcsc::tick(v90);
  for (int j93 = 0; j93 < 2; ++j93) acc += j93;
  { int w94 = acc; acc = w94 + co_await bcsc::tick(94); }
  int v95 = co_await bcsc::tick(95);
  acc += v95 * 96;
  if (acc > 97) acc -= co_await bcsc::tick(v95);
  for (int j98 = 0; j98 < 2; ++j98) acc += j98;
  { int w99 = acc; acc = w99 + co_await bcsc::tick(99); }
  int v100 = co_await bcsc::tick(100);
  acc += v100 * 101;
  if (acc > 102) acc -= co_await bcsc::tick(v100);
  for (int j103 = 0; j103 < 2; ++j103) acc += j103;
  { int w104 = acc; acc = w104 + co_await bcsc::tick(104); }
  int v105 = co_await bcsc::tick(105);
  acc += v105 * 106;
  if (acc > 107) acc -= co_await bcsc::tick(v105);
  for (int j108 = 0; j108 < 2; ++j108) acc += j108;
  { int w109 = acc; acc = w109 + co_await bcsc::tick(109); }
  int v110 = co_await bcsc::tick(110);
  acc += v110 * 111;
  if (acc > 112) acc -= co_await bcsc::tick(v110);
  for (int j113 = 0; j113 < 2; ++j113) acc += j113;
  { int w114 = acc; acc = w114 + co_await bcsc::tick(114); }
  int v115 = co_await bcsc::tick(115);
  acc += v115 * 116;
  if (acc > 117) acc -= co_await bcsc::tick(v115);
  for (int j118 = 0; j118 < 2; ++j118) acc += j118;
  { int w119 = acc; acc = w119 + co_await bcsc::tick(119); }
  int v120 = co_await bcsc::tick(120);
  acc += v120 * 121;
  if (acc > 122) acc -= co_await bcsc::tick(v120);
  for (int j123 = 0; j123 < 2; ++j123) acc += j123;
  { int w124 = acc; acc = w124 + co_await bcsc::tick(124); }
  int v125 = co_await bcsc::tick(125);
  acc += v125 * 126;
  if (acc > 127) acc -= co_await bcsc::tick(v125);
  for (int j128 = 0; j128 < 2; ++j128) acc += j128;
  { int w129 = acc; acc = w129 + co_await bcsc::tick(129); }
  int v130 = co_await bcsc::tick(130);
  acc += v130 * 131;
  if (acc > 132) acc -= co_await bcsc::tick(v130);
  for (int j133 = 0; j133 < 2; ++j133) acc += j133;
  { int w134 = acc; acc = w134 + co_await bcsc::tick(134); }
  int v135 = co_await bcsc::tick(135);
  acc += v135 * 136;
  if (acc > 137) acc -= co_await bcsc::tick(v135);
  for (int j138 = 0; j138 < 2; ++j138) acc += j138;
  { int w139 = acc; acc = w139 + co_await bcsc::tick(139); }
  int v140 = co_await bcsc::tick(140);
  acc += v140 * 141;
  if (acc > 142) acc -= co_await bcsc::tick(v140);
  for (int j143 = 0; j143 < 2; ++j143) acc += j143;
  { int w144 = acc; acc = w144 + co_await bcsc::tick(144); }
  int v145 = co_await bcsc::tick(145);
  acc += v145 * 146;
  if (acc > 147) acc -= co_await bcsc::tick(v145);
  for (int j148 = 0; j148 < 2; ++j148) acc += j148;
  { int w149 = acc; acc = w149 + co_await bcsc::tick(149); }
  int v150 = co_await bcsc::tick(150);
  acc += v150 * 151;
  if (acc > 152) acc -= co_await bcsc::tick(v150);
  for (int j153 = 0; j153 < 2; ++j153) acc += j153;
  { int w154 = acc; acc = w154 + co_await bcsc::tick(154); }
  int v155 = co_await bcsc::tick(155);
  acc += v155 * 156;
  if (acc > 157) acc -= co_await bcsc::tick(v155);
  for (int j158 = 0; j158 < 2; ++j158) acc += j158;
  { int w159 = acc; acc = w159 + co_await bcsc::tick(159); }
  int v160 = co_await bcsc::tick(160);
  acc += v160 * 161;
  if (acc > 162) acc -= co_await bcsc::tick(v160);
  for (int j163 = 0; j163 < 2; ++j163) acc += j163;
  { int w164 = acc; acc = w164 + co_await bcsc::tick(164); }
  int v165 = co_await bcsc::tick(165);
  acc += v165 * 166;
  if (acc > 167) acc -= co_await bcsc::tick(v165);
  for (int j168 = 0; j168 < 2; ++j168) acc += j168;
  { int w169 = acc; acc = w169 + co_await bcsc::tick(169); }
  int v170 = co_await bcsc::tick(170);
  acc += v170 * 171;
  if (acc > 172) acc -= co_await bcsc::tick(v170);
  for (int j173 = 0; j173 < 2; ++j173) acc += j173;
  { int w174 = acc; acc = w174 + co_await bcsc::tick(174); }
  int v175 = co_await bcsc::tick(175);
  acc += v175 * 176;
  if (acc > 177) acc -= co_await bcsc::tick(v175);
  for (int j178 = 0; j178 < 2; ++j178) acc += j178;
  { int w179 = acc; acc = w179 + co_await bcsc::tick(179); }
  int v180 = co_await bcsc::tick(180);
  acc += v180 * 181;
  if (acc > 182) acc -= co_await bcsc::tick(v180);
  for (int j183 = 0; j183 < 2; ++j183) acc += j183;
  { int w184 = acc; acc = w184 + co_await bcsc::tick(184); }
  int v185 = co_await bcsc::tick(185);
  acc += v185 * 186;
  if (acc > 187) acc -= co_await bcsc::tick(v185);
  for (int j188 = 0; j188 < 2; ++j188) acc += j188;
  { int w189 = acc; acc = w189 + co_await bcsc::tick(189); }
  int v190 = co_await bcsc::tick(190);
  acc += v190 * 191;
  if (acc > 192) acc -= co_await bcsc::tick(v190);
  for (int j193 = 0; j193 < 2; ++j193) acc += j193;
  { int w194 = acc; acc = w194 + co_await bcsc::tick(194); }
  int v195 = co_await bcsc::tick(195);
  acc += v195 * 196;
  if (acc > 197) acc -= co_await bcsc::tick(v195);
  for (int j198 = 0; j198 < 2; ++j198) acc += j198;
  { int w199 = acc; acc = w199 + co_await bcsc::tick(199); }
  int v200 = co_await bcsc::tick(200);
  acc += v200 * 201;
  if (acc > 202) acc -= co_await bcsc::tick(v200);
  for (int j203 = 0; j203 < 2; ++j203) acc += j203;
  { int w204 = acc; acc = w204 + co_await bcsc::tick(204); }
  int v205 = co_await bcsc::tick(205);
  acc += v205 * 206;
  if (acc > 207) acc -= co_await bcsc::tick(v205);
  for (int j208 = 0; j208 < 2; ++j208) acc += j208;
  { int w209 = acc; acc = w209 + co_await bcsc::tick(209); }
  int v210 = co_await bcsc::tick(210);
  acc += v210 * 211;
  if (acc > 212) acc -= co_await bcsc::tick(v210);
  for (int j213 = 0; j213 < 2; ++j213) acc += j213;
  { int w214 = acc; acc = w214 + co_await bcsc::tick(214); }
  int v215 = co_await bcsc::tick(215);
  acc += v215 * 216;
  if (acc > 217) acc -= co_await bcsc::tick(v215);
  for (int j218 = 0; j218 < 2; ++j218) acc += j218;
  { int w219 = acc; acc = w219 + co_await bcsc::tick(219); }
  int v220 = co_await bcsc::tick(220);
  acc += v220 * 221;
  if (acc > 222) acc -= co_await bcsc::tick(v220);
  for (int j223 = 0; j223 < 2; ++j223) acc += j223;
  { int w224 = acc; acc = w224 + co_await bcsc::tick(224); }
  int v225 = co_await bcsc::tick(225);
  acc += v225 * 226;
  if (acc > 227) acc -= co_await bcsc::tick(v225);
  for (int j228 = 0; j228 < 2; ++j228) acc += j228;
  { int w229 = acc; acc = w229 + co_await bcsc::tick(229); }
  int v230 = co_await bcsc::tick(230);
  acc += v230 * 231;
  if (acc > 232) acc -= co_await bcsc::tick(v230);
  for (int j233 = 0; j233 < 2; ++j233) acc += j233;
  { int w234 = acc; acc = w234 + co_await bcsc::tick(234); }
  int v235 = co_await bcsc::tick(235);
  acc += v235 * 236;
  if (acc > 237) acc -= co_await bcsc::tick(v235);
  for (int j238 = 0; j238 < 2; ++j238) acc += j238;
  { int w239 = acc; acc = w239 + co_await bcsc::tick(239); }
  int v240 = co_await bcsc::tick(240);
  acc += v240 * 241;
  if (acc > 242) acc -= co_await bcsc::tick(v240);
  for (int j243 = 0; j243 < 2; ++j243) acc += j243;
  { int w244 = acc; acc = w244 + co_await bcsc::tick(244); }
  int v245 = co_await bcsc::tick(245);
  acc += v245 * 246;
  if (acc > 247) acc -= co_await bcsc::tick(v245);
  for (int j248 = 0; j248 < 2; ++j248) acc += j248;
  { int w249 = acc; acc = w249 + co_await bcsc::tick(249); }
  int v250 = co_await bcsc::tick(250);
  acc += v250 * 251;
  if (acc > 252) acc -= co_await bcsc::tick(v250);
  for (int j253 = 0; j253 < 2; ++j253) acc += j253;
  { int w254 = acc; acc = w254 + co_await bcsc::tick(254); }
  int v255 = co_await bcsc::tick(255);
  acc += v255 * 256;
  if (acc > 257) acc -= co_await bcsc::tick(v255);
  for (int j258 = 0; j258 < 2; ++j258) acc += j258;
  { int w259 = acc; acc = w259 + co_await bcsc::tick(259); }
  int v260 = co_await bcsc::tick(260);
  acc += v260 * 261;
  if (acc > 262) acc -= co_await bcsc::tick(v260);
  for (int j263 = 0; j263 < 2; ++j263) acc += j263;
  { int w264 = acc; acc = w264 + co_await bcsc::tick(264); }
  int v265 = co_await bcsc::tick(265);
  acc += v265 * 266;
  if (acc > 267) acc -= co_await bcsc::tick(v265);
  for (int j268 = 0; j268 < 2; ++j268) acc += j268;
  { int w269 = acc; acc = w269 + co_await bcsc::tick(269); }
  int v270 = co_await bcsc::tick(270);
  acc += v270 * 271;
  if (acc > 272) acc -= co_await bcsc::tick(v270);
  for (int j273 = 0; j273 < 2; ++j273) acc += j273;
  { int w274 = acc; acc = w274 + co_await bcsc::tick(274); }
  int v275 = co_await bcsc::tick(275);
  acc += v275 * 276;
  if (acc > 277) acc -= co_await bcsc::tick(v275);
  for (int j278 = 0; j278 < 2; ++j278) acc += j278;
  { int w279 = acc; acc = w279 + co_await bcsc::tick(279); }
  int v280 = co_await bcsc::tick(280);
  acc += v280 * 281;
  if (acc > 282) acc -= co_await bcsc::tick(v280);
  for (int j283 = 0; j283 < 2; ++j283) acc += j283;
  { int w284 = acc; acc = w284 + co_await bcsc::tick(284); }
  int v285 = co_await bcsc::tick(285);
  acc += v285 * 286;
  if (acc > 287) acc -= co_await bcsc::tick(v285);
  for (int j288 = 0; j288 < 2; ++j288) acc += j288;
  { int w289 = acc; acc = w289 + co_await bcsc::tick(289); }
  int v290 = co_await bcsc::tick(290);
  acc += v290 * 291;
  if (acc > 292) acc -= co_await bcsc::tick(v290);
  for (int j293 = 0; j293 < 2; ++j293) acc += j293;
  { int w294 = acc; acc = w294 + co_await bcsc::tick(294); }
  int v295 = co_await bcsc::tick(295);
  acc += v295 * 296;
  if (acc > 297) acc -= co_await bcsc::tick(v295);
  for (int j298 = 0; j298 < 2; ++j298) acc += j298;
  { int w299 = acc; acc = w299 + co_await bcsc::tick(299); }
  int v300 = co_await bcsc::tick(300);
  acc += v300 * 301;
  if (acc > 302) acc -= co_await bcsc::tick(v300);
  for (int j303 = 0; j303 < 2; ++j303) acc += j303;
  { int w304 = acc; acc = w304 + co_await bcsc::tick(304); }
  int v305 = co_await bcsc::tick(305);
  acc += v305 * 306;
  if (acc > 307) acc -= co_await bcsc::tick(v305);
  for (int j308 = 0; j308 < 2; ++j308) acc += j308;
  { int w309 = acc; acc = w309 + co_await bcsc::tick(309); }
  int v310 = co_await bcsc::tick(310);
  acc += v310 * 311;
  if (acc > 312) acc -= co_await bcsc::tick(v310);
  for (int j313 = 0; j313 < 2; ++j313) acc += j313;
  { int w314 = acc; acc = w314 + co_await bcsc::tick(314); }
  int v315 = co_await bcsc::tick(315);
  acc += v315 * 316;
  if (acc > 317) acc -= co_await bcsc::tick(v315);
  for (int j318 = 0; j318 < 2; ++j318) acc += j318;
  { int w319 = acc; acc = w319 + co_await bcsc::tick(319); }
  int v320 = co_await bcsc::tick(320);
  acc += v320 * 321;
  if (acc > 322) acc -= co_await bcsc::tick(v320);
  for (int j323 = 0; j323 < 2; ++j323) acc += j323;
  { int w324 = acc; acc = w324 + co_await bcsc::tick(324); }
  int v325 = co_await bcsc::tick(325);
  acc += v325 * 326;
  if (acc > 327) acc -= co_await bcsc::tick(v325);
  for (int j328 = 0; j328 < 2; ++j328) acc += j328;
  { int w329 = acc; acc = w329 + co_await bcsc::tick(329); }
  int v330 = co_await bcsc::tick(330);
  acc += v330 * 331;
  if (acc > 332) acc -= co_await bcsc::tick(v330);
  for (int j333 = 0; j333 < 2; ++j333) acc += j333;
  { int w334 = acc; acc = w334 + co_await bcsc::tick(334); }
  int v335 = co_await bcsc::tick(335);
  acc += v335 * 336;
  if (acc > 337) acc -= co_await bcsc::tick(v335);
  for (int j338 = 0; j338 < 2; ++j338) acc += j338;
  { int w339 = acc; acc = w339 + co_await bcsc::tick(339); }
  int v340 = co_await bcsc::tick(340);
  acc += v340 * 341;
  if (acc > 342) acc -= co_await bcsc::tick(v340);
  for (int j343 = 0; j343 < 2; ++j343) acc += j343;
  { int w344 = acc; acc = w344 + co_await bcsc::tick(344); }
  int v345 = co_await bcsc::tick(345);
  acc += v345 * 346;
  if (acc > 347) acc -= co_await bcsc::tick(v345);
  for (int j348 = 0; j348 < 2; ++j348) acc += j348;
  { int w349 = acc; acc = w349 + co_await bcsc::tick(349); }
  int v350 = co_await bcsc::tick(350);
  acc += v350 * 351;
  if (acc > 352) acc -= co_await bcsc::tick(v350);
  for (int j353 = 0; j353 < 2; ++j353) acc += j353;
  { int w354 = acc; acc = w354 + co_await bcsc::tick(354); }
  int v355 = co_await bcsc::tick(355);
  acc += v355 * 356;
  if (acc > 357) acc -= co_await bcsc::tick(v355);
  for (int j358 = 0; j358 < 2; ++j358) acc += j358;
  { int w359 = acc; acc = w359 + co_await bcsc::tick(359); }
  int v360 = co_await bcsc::tick(360);
  acc += v360 * 361;
  if (acc > 362) acc -= co_await bcsc::tick(v360);
  for (int j363 = 0; j363 < 2; ++j363) acc += j363;
  { int w364 = acc; acc = w364 + co_await bcsc::tick(364); }
  int v365 = co_await bcsc::tick(365);
  acc += v365 * 366;
  if (acc > 367) acc -= co_await bcsc::tick(v365);
  for (int j368 = 0; j368 < 2; ++j368) acc += j368;
  { int w369 = acc; acc = w369 + co_await bcsc::tick(369); }
  int v370 = co_await bcsc::tick(370);
  acc += v370 * 371;
  if (acc > 372) acc -= co_await bcsc::tick(v370);
  for (int j373 = 0; j373 < 2; ++j373) acc += j373;
  { int w374 = acc; acc = w374 + co_await bcsc::tick(374); }
  int v375 = co_await bcsc::tick(375);
  acc += v375 * 376;
  if (acc > 377) acc -= co_await bcsc::tick(v375);
  for (int j378 = 0; j378 < 2; ++j378) acc += j378;
  { int w379 = acc; acc = w379 + co_await bcsc::tick(379); }
  int v380 = co_await bcsc::tick(380);
  acc += v380 * 381;
  if (acc > 382) acc -= co_await bcsc::tick(v380);
  for (int j383 = 0; j383 < 2; ++j383) acc += j383;
  { int w384 = acc; acc = w384 + co_await bcsc::tick(384); }
  int v385 = co_await bcsc::tick(385);
  acc += v385 * 386;
  if (acc > 387) acc -= co_await bcsc::tick(v385);
  for (int j388 = 0; j388 < 2; ++j388) acc += j388;
  { int w389 = acc; acc = w389 + co_await bcsc::tick(389); }
  int v390 = co_await bcsc::tick(390);
  acc += v390 * 391;
  if (acc > 392) acc -= co_await bcsc::tick(v390);
  for (int j393 = 0; j393 < 2; ++j393) acc += j393;
  { int w394 = acc; acc = w394 + co_await bcsc::tick(394); }
  int v395 = co_await bcsc::tick(395);
  acc += v395 * 396;
  if (acc > 397) acc -= co_await bcsc::tick(v395);
  for (int j398 = 0; j398 < 2; ++j398) acc += j398;
  { int w399 = acc; acc = w399 + co_await bcsc::tick(399); }
  co_return acc;
}
